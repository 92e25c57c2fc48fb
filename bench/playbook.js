// Playbook benchmarks on the demo database, in process: audience coverage over every
// person, and an event brief for 50 attendees.
import { percentile, time } from './measure.js';

export async function playbookBenchmarks({ kith, report, people }) {
  const stamp = Date.now();
  const tags = (await kith.tags.list()).map((t) => t.name);
  const orgs = (await kith.organizations.list(5)).map((o) => o.name);
  const audiences = [
    await kith.audiences.add({ name: `bench tag ${stamp}`, filter: { tags: [tags[0]] } }),
    await kith.audiences.add({ name: `bench orgs ${stamp}`, filter: { organizations: orgs } }),
    await kith.audiences.add({ name: `bench titles ${stamp}`, filter: { titles: ['manager', 'engineer'] } }),
  ];
  const lines = [];
  for (const a of audiences) {
    let size = 0;
    await kith.audiences.show(a.id);
    const times = [];
    for (let i = 0; i < 10; i++) times.push(await time(async () => (size = (await kith.audiences.show(a.id)).coverage.people)));
    lines.push(`${Object.entries(a.filter).find(([, v]) => Array.isArray(v) && v.length)?.[0]}: ${size} people, p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  }
  report(`audience coverage over ${people} people (10 runs each)`, '≤ 200 ms', lines.join('; '), 'none');

  const sample = (await kith.people.list({ limit: 1000 })).items;
  const attendees = Array.from({ length: 50 }, (_, i) => sample[(i * 17) % sample.length].id);
  const event = await kith.events.add({ name: `Bench Summit ${stamp}`, on: '2026-12-01', kind: 'conference', attendees });
  await kith.events.brief(event.id);
  const briefTimes = [];
  for (let i = 0; i < 10; i++) briefTimes.push(await time(() => kith.events.brief(event.id)));
  report('event brief for 50 attendees (10 runs)', '≤ 100 ms', `p50 ${percentile(briefTimes, 50).toFixed(0)} ms, max ${Math.max(...briefTimes).toFixed(0)} ms`, 'none');
}
