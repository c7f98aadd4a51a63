export interface Layer {
  folder: string;
  may: string[];
  typesOnlyFrom?: string[];
  node: boolean;
  electron: boolean;
  react: boolean;
  what: string;
}
export declare const LAYERS: readonly Layer[];
export declare function layerOf(path: string): Layer | undefined;
