import '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    nonce?: string;
    clientAddress?: string;
    /** This request's id: a 500's log lines carry it (server.js makes it). */
    requestId?: string;
  }
}
