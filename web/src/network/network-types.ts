/** The network analyses' shapes: the types of the server's own zod schemas (see ../types.ts). */
import type { z } from 'zod';
import type * as api from '../../../src/http/schemas';

export type GraphSummary = z.output<typeof api.graphSummary>;
export type NetworkStatus = z.output<typeof api.networkStatus>;
export type IntroPaths = z.output<typeof api.introPaths>;
export type Community = z.output<typeof api.community>;
export type CommunityReport = z.output<typeof api.communityReport>;
export type BrokerReport = z.output<typeof api.brokerReport>;
export type Suggestions = z.output<typeof api.suggestions>;
export type NetworkMapData = z.output<typeof api.networkMap>;
