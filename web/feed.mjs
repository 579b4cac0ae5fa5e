// A live comment feed over WebSocket (`?feed=ws://...`): each message is a JSON comment
// {id, user, text, ts?} or an array of them. Malformed messages are skipped and counted,
// never shown; a dropped connection is retried with backoff.
export function openWebSocketFeed(url, { onComments, onStatus = () => {} }) {
  let ws = null, closed = false, retry = 500, malformed = 0, seq = 0;

  function valid(c) {
    return c && typeof c === 'object' && typeof c.text === 'string' && c.text.length <= 100000;
  }

  function connect() {
    ws = new WebSocket(url);
    ws.onopen = () => {
      retry = 500;
      onStatus('open');
    };
    ws.onmessage = (e) => {
      let data;
      try {
        data = JSON.parse(typeof e.data === 'string' ? e.data : '');
      } catch {
        malformed++;
        return;
      }
      const list = Array.isArray(data) ? data : [data];
      const out = [];
      for (const c of list) {
        if (!valid(c)) { malformed++; continue; }
        out.push({
          id: typeof c.id === 'string' && c.id ? c.id.slice(0, 100) : `ws-${++seq}`,
          user: typeof c.user === 'string' ? c.user.slice(0, 60) : '?',
          text: c.text,
          ts: Number.isFinite(c.ts) ? c.ts : undefined,
        });
      }
      if (out.length) onComments(out);
    };
    ws.onclose = () => {
      if (closed) return;
      onStatus('lost');
      setTimeout(() => { if (!closed) connect(); }, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }
  connect();
  return {
    close() {
      closed = true;
      ws?.close();
    },
    get malformed() {
      return malformed;
    },
  };
}
