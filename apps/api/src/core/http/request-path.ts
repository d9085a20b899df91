/** A request URL without its query string: what logs name, and what a route's format is read from. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
