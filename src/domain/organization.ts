import { invalid } from './errors.js';

export interface Organization {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  location: string | null;
  peopleCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationFields {
  name: string;
  domain: string | null;
  industry: string | null;
  location: string | null;
}

export interface Position {
  id: string;
  personId: string;
  organizationId: string;
  organization: string;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
  current: boolean;
}

export function normalizeOrganizationName(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name) throw invalid('organization', value, 'a name cannot be empty');
  if (name.length > 200) throw invalid('organization', value, 'a name is at most 200 characters');
  return name;
}

export function normalizeDomain(value: string): string {
  const domain = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw invalid('domain', value, 'expected a domain such as example.com');
  return domain;
}
