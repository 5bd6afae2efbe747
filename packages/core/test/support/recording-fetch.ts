/** One request a client made, as `METHOD /path` plus the reply status. */
export interface Recorded {
  method: string;
  path: string;
  status: number;
  authorization: string | null;
}

/** A real `fetch` that remembers every request it made (nothing is faked). */
export function recordingFetch(): { fetch: typeof fetch; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const authorization = request.headers.get('authorization');
    const response = await fetch(request);
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      authorization,
    });
    return response;
  };
  return { fetch: recording as typeof fetch, requests };
}
