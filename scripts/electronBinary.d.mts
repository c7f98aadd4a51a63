export declare function findElectronBinary(env?: NodeJS.ProcessEnv): {
  readonly binary: string | undefined;
  readonly expected: string;
  readonly reason: string;
};
