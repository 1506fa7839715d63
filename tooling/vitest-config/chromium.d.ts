export declare const CHROMIUM_CANDIDATES: readonly string[];
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export declare const CHROMIUM_ARGS: readonly string[];
