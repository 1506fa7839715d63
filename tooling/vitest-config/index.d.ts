import type { UserConfig } from 'vitest/config';
export declare function nodeConfig(overrides?: UserConfig): UserConfig;
export declare function browserConfig(overrides?: UserConfig): UserConfig;
export declare function projectsConfig(...projects: UserConfig[]): UserConfig;
