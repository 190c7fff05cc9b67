export const SCENARIOS: { name: string; steps: (string | string[] | { args: string[]; stdin: string })[] }[];
