/** The tiers a person can be in, closest first (as the API accepts them). */
export const TIERS = ['inner', 'close', 'active', 'wider', 'acquaintance'];
