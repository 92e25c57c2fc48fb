import type { PersonRef } from '../types';

export interface GraphSummary {
  nodes: number;
  edges: number;
  source?: 'cache' | 'neighbourhood';
  builtAt?: string;
  buildMs?: number;
}

export interface NetworkStatus {
  ready: boolean;
  building: { phase: string; done: number; total: number } | null;
  failed: string | null;
  nodes: number | null;
  edges: number | null;
  builtAt: string | null;
}

export interface IntroPaths {
  graph: GraphSummary;
  paths: Array<{ target: PersonRef; score: number; hops: Array<{ from: PersonRef | null; to: PersonRef; strength: number; evidence: string[] }> }>;
}

export interface Community {
  id: number;
  size: number;
  label: string;
  organizations: Array<{ name: string; people: number }>;
  tags: Array<{ name: string; people: number }>;
  yours: { strong: number; medium: number; weak: number };
  bestKnown: { id: string; name: string; strength: number } | null;
  bridged: boolean;
}

export interface CommunityReport {
  graph: GraphSummary;
  modularity: number;
  diversity: { communities: number; withStrongTie: number; withAnyTie: number; spread: number };
  communities: Community[];
  unbridged: Community[];
  unbridgedAudiences: Array<{ id: string; name: string; members: number }>;
}

export interface BrokerReport {
  graph: GraphSummary;
  you: { constraint: number | null; effectiveSize: number | null; ties: number };
  brokers: Array<{ person: PersonRef & { strength: number }; communities: number; connects: string[]; constraint: number | null; effectiveSize: number | null; ties: number }>;
}

export interface Suggestions {
  graph: GraphSummary;
  audiences: string[];
  suggestions: Array<{ person: PersonRef; score: number; mutualCount: number; mutuals: Array<PersonRef & { strength: number }>; for: string[] }>;
}

export interface NetworkMapData {
  graph: GraphSummary;
  nodes: Array<{ id: string; name: string; strength: number; community: number }>;
  edges: Array<[number, number, number]>;
  communities: Array<{ id: number; label: string; size: number }>;
}
