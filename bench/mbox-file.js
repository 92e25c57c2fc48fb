// Writes a synthetic mbox for the benchmarks: mail between you and 4,999
// correspondents, a tenth of it list mail, each message padded with a body to the
// given size so that one file serves both the throughput and the memory benchmark.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const ME = 'me@example.com';

export async function writeMbox(path, messages, bodyBytes) {
  const out = createWriteStream(path);
  const filler = ('Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(bodyBytes / 57)) ).slice(0, bodyBytes);
  const body = filler.replace(/(.{76})/g, '$1\n');
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < messages; i++) {
    const peer = `person${i % 4999}@corp${(i % 4999) % 97}.example`;
    const date = new Date(start + i * 60_000).toUTCString().replace('GMT', '+0000');
    const list = i % 10 === 9;
    const outgoing = i % 5 < 3;
    const from = list ? `news@lists${i % 7}.example` : outgoing ? ME : `"Person ${i % 4999}" <${peer}>`;
    const to = outgoing && !list ? `"Person ${i % 4999}" <${peer}>` : ME;
    const text = `From ${list ? 'news' : 'x'}@example ${date}\nFrom: ${from}\nTo: ${to}\nDate: ${date}\nMessage-ID: <m${i}@bench.example>\nSubject: Message ${i}\n${list ? 'List-Id: <news.lists.example>\n' : ''}\n${body}\n\n`;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
