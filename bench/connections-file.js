// Writes a synthetic LinkedIn Connections.csv (current layout, with the preamble):
// names drawn from common given and family names, a tenth with an e-mail address,
// 20,000 companies, connection dates over ten years.
import { writeFileSync } from 'node:fs';

const GIVEN = ['Ana', 'Ben', 'Chloé', 'Dev', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq'];
const FAMILY = ['Smith', 'Okafor', 'Müller', 'Tanaka', 'Silva', 'Novak', 'Berg', 'Khan', 'Rossi', 'Li', 'García', 'Cohen', 'Dubois', 'Nguyen', 'Kowalski', 'Haddad', 'Jensen', 'Petrov', 'Mensah', 'Sato'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function connectionRows(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const first = GIVEN[i % GIVEN.length];
    const last = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] + (i >= 400 ? `-${(i * 7919) % 9973}` : '');
    rows.push({
      first,
      last,
      url: `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}-${i.toString(36)}`,
      email: i % 10 === 0 ? `${first.toLowerCase()}.${i}@mail.example` : '',
      company: `Company ${(i * 31) % 20000}`,
      position: `Engineer ${i % 40}`,
      connectedOn: `${String(1 + (i % 28)).padStart(2, '0')} ${MONTHS[i % 12]} ${2016 + (i % 10)}`,
    });
  }
  return rows;
}

export function writeConnections(path, rows) {
  const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (const r of rows) lines.push([r.first, r.last, r.url, r.email, r.company, r.position, r.connectedOn].map(quote).join(','));
  writeFileSync(path, lines.join('\n'));
}
