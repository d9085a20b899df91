import { useEffect, useState } from 'react';
import { errorText } from '../../../api';
import { attachmentsApi } from '../../../api/attachments';

export interface AttachmentBlob {
  url?: string;
  type?: string;
  fileName?: string;
  error?: string;
  loading: boolean;
}

/** GET /attachments/:id with the token, as an object URL (revoked on unmount). */
export function useAttachmentBlob(id: string): AttachmentBlob {
  const [state, setState] = useState<AttachmentBlob>({ loading: true });
  useEffect(() => {
    let alive = true;
    let url: string | undefined;
    attachmentsApi
      .content(id)
      .then(({ blob, fileName }) => {
        url = URL.createObjectURL(blob);
        if (alive) setState({ url, type: blob.type, fileName, loading: false });
        else URL.revokeObjectURL(url);
      })
      .catch((e: unknown) => alive && setState({ loading: false, error: errorText(e) }));
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return state;
}
