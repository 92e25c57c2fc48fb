import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KithError } from '../../domain/errors.js';
import { NEW_PEOPLE } from '../../domain/import-record.js';
import { IMPORT_FORMATS } from '../../services/import-service.js';
import type { Api } from '../api.js';
import type { Kith } from '../../services/kith.js';
import type { ImportJobs } from '../import-jobs.js';
import { duplicate, importJob, importReport, ok, person } from '../schemas.js';


/** Saves the request's one uploaded file to a temporary folder, under its own (cleaned) name. */
async function receiveUpload(req: FastifyRequest): Promise<{ dir: string; path: string; name: string }> {
  if (!req.isMultipart()) throw new KithError('validation', 'file_missing', 'send the file as multipart/form-data, in a field named file');
  const file = await req.file();
  if (!file) throw new KithError('validation', 'file_missing', 'the request holds no file');
  const name = basename(file.filename || 'upload').replace(/[^\w.\-]+/g, '_').slice(-120) || 'upload';
  const dir = mkdtempSync(join(tmpdir(), 'kith-upload-'));
  const path = join(dir, name);
  try {
    await pipeline(file.file, createWriteStream(path));
    if (file.file.truncated) throw new KithError('validation', 'file_too_large', `${name} is larger than the server accepts`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, path, name };
}

/** Imports (uploads with progress), exports, duplicates, backup and restore. */
export function dataRoutes(api: Api, kith: Kith, jobs: ImportJobs): void {
  api.post('/api/v1/imports', {
    schema: {
      tags: ['imports'],
      summary: 'Upload a file to import; poll the returned job for progress and the report',
      consumes: ['multipart/form-data'],
      querystring: z.object({
        format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto'),
        dryRun: z.stringbool().default(false),
        // Mail archives and calendars only; a format they do not apply to refuses them.
        newPeople: z.enum(NEW_PEOPLE).optional(),
        since: z.string().optional(),
        maxAttendees: z.coerce.number().optional(),
      }),
      response: { 202: importJob },
    },
  }, async (req, reply) => {
    const upload = await receiveUpload(req);
    const { format, ...options } = req.query;
    try {
      kith.imports.resolve(format, upload.path, options);
    } catch (error) {
      rmSync(upload.dir, { recursive: true, force: true });
      throw error;
    }
    const job = jobs.start({ file: upload.name, format, dryRun: options.dryRun, cleanup: upload.dir }, async (progress) => {
      const report = await kith.imports.run(format, upload.path, options, progress);
      // The server's temporary paths mean nothing to the client: files go by their names.
      return { ...report, files: report.files.map((f) => basename(f)) };
    });
    reply.status(202);
    return job;
  });
  api.get('/api/v1/imports', { schema: { tags: ['imports'], summary: 'Imports of the last hour, the latest first', response: { 200: z.array(importJob) } } }, () => jobs.recent());
  api.get('/api/v1/imports/:id', { schema: { tags: ['imports'], params: z.object({ id: z.string() }), response: { 200: importJob } } }, (req) => jobs.get(req.params.id));

  api.get('/api/v1/exports/:format', {
    schema: {
      tags: ['exports'],
      summary: 'Download people as vCard or CSV',
      params: z.object({ format: z.enum(['vcard', 'csv']) }),
      querystring: z.object({ version: z.enum(['3', '4']).default('4'), tag: z.string().optional(), organization: z.string().optional(), tier: z.string().optional(), includeArchived: z.stringbool().optional() }),
    },
  }, async (req, reply) => {
    const { version, ...filter } = req.query;
    const vcard = req.params.format === 'vcard';
    reply.header('content-type', vcard ? 'text/vcard; charset=utf-8' : 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="kith.${vcard ? 'vcf' : 'csv'}"`);
    const chunks: string[] = [];
    await kith.exports.write(req.params.format, filter, { write: (chunk) => chunks.push(chunk) }, version);
    return reply.send(chunks.join(''));
  });

  api.get('/api/v1/duplicates', { schema: { tags: ['duplicates'], summary: 'Probable duplicates to review, with score and evidence', querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) }), response: { 200: z.array(duplicate) } } }, (req) =>
    kith.duplicates.list(req.query.limit),
  );
  api.post('/api/v1/duplicates/dismiss', { schema: { tags: ['duplicates'], summary: 'Remember that two people are not the same', body: z.object({ a: z.string(), b: z.string() }), response: { 200: ok } } }, async (req) => {
    await kith.duplicates.dismiss(req.body.a, req.body.b);
    return { ok: true as const };
  });
  api.post('/api/v1/duplicates/merge', { schema: { tags: ['duplicates'], summary: 'Merge other into keep, losing nothing', body: z.object({ keep: z.string(), other: z.string() }), response: { 200: person } } }, (req) =>
    kith.duplicates.merge(req.body.keep, req.body.other),
  );

  api.get('/api/v1/backup', { schema: { tags: ['backup'], summary: 'Download a complete backup as JSON' } }, async (_req, reply) => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-backup-'));
    const file = join(dir, 'kith-backup.json');
    try {
      await kith.backups.backup(file);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const stream = createReadStream(file);
    stream.on('close', () => rmSync(dir, { recursive: true, force: true }));
    reply.header('content-type', 'application/json');
    reply.header('content-disposition', `attachment; filename="kith-backup-${new Date().toISOString().slice(0, 10)}.json"`);
    return reply.send(stream);
  });
  api.post('/api/v1/restore', {
    schema: { tags: ['backup'], summary: 'Restore a backup into an empty database', consumes: ['multipart/form-data'], response: { 200: z.object({ file: z.string(), tables: z.record(z.string(), z.number()) }) } },
  }, async (req) => {
    const upload = await receiveUpload(req);
    try {
      const summary = await kith.backups.restore(upload.path);
      return { ...summary, file: upload.name };
    } finally {
      rmSync(upload.dir, { recursive: true, force: true });
    }
  });
}
