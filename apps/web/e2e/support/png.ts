import { demoPhoto } from '../../../api/src/modules/seed/demo-photo';

/** A real PNG (so content sniffing accepts it), from the API's demo photo generator; `seed` varies it. */
export function makePng(width = 160, height = 120, seed = 0): Buffer {
  return demoPhoto(width, height, seed % 90);
}
