export const PROCESS_SCENARIOS: { name: string; steps: string[] }[];
export function runProcessScenarios(repo: string, picked?: (s: { name: string }) => boolean): { name: string; c: unknown[]; ts: unknown[] }[];
