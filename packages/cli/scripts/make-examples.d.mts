/** The three example tables as CSV text (header line, 300 data rows, a final newline). */
export interface ExampleTables {
  regression: string;
  classification: string;
  survival: string;
}

/** The example tables of examples/, deterministic for `seed` (default 0, the committed files). */
export declare function exampleTables(seed?: number): ExampleTables;
