/** Values the database test setup provides to every test file (vitest inject). */
declare module "vitest" {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
  }
}

export {};
