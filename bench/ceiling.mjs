// The ceiling: a bare node:http server that reads the request body and answers a fixed token JSON.
// Usage: node bench/ceiling.mjs PORT (prints "listening PORT" when ready).
import { serve } from './bare-server.mjs';

const body = JSON.stringify({
  access_token: 'uDEYTm5b3HEMZliKXE7gaD4yxGMRgLJWQJjL2jIaRzM',
  token_type: 'Bearer',
  expires_in: 7200,
  scope: 'public partner_managed_companies:manage',
  created_at: 1795459598,
});
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': Buffer.byteLength(body),
};

serve((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
