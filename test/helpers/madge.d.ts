// Types of the part of madge's API the import-cycle test uses (madge ships none).
declare module 'madge' {
  interface MadgeResult {
    obj(): Record<string, string[]>;
    circular(): string[][];
  }
  export default function madge(path: string, config?: Record<string, unknown>): Promise<MadgeResult>;
}
