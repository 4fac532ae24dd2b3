// Vitest global setup for the suites that start the built server: the team most files use
// (two facilitators and a manager) is made once, the way a deployment makes it (the staff
// CLI, the set-up link, a password, an authenticator code), in a database that is then
// copied for each test file. Each file still gets its own server and its own fresh
// database; only the ten seconds of making the same three accounts are saved.
import type { TestProject } from 'vitest/node';
import { startServer } from './server';
import { setUpTeam } from './staff';

export type StaffTemplate = { email: string; key: string; csrf: string; cookies: [string, string][] };
export type TeamTemplate = { dir: string; fran: StaffTemplate; otto: StaffTemplate; morgan: StaffTemplate };

declare module 'vitest' {
  export interface ProvidedContext {
    teamTemplate: TeamTemplate;
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer();
  const team = await setUpTeam(server);
  // A clean stop checkpoints the database, so the file alone holds everything.
  await server.stop();
  const save = (s: (typeof team)['fran']): StaffTemplate => ({ email: s.email, key: s.key, csrf: s.csrf, cookies: [...s.visitor.cookies] });
  project.provide('teamTemplate', { dir: server.dir, fran: save(team.fran), otto: save(team.otto), morgan: save(team.morgan) });
}
