export type Step = string | string[] | { args: string[]; stdin?: string; deviation?: 'help' | 'version' };
export const SCENARIOS: { name: string; steps: Step[] }[];
