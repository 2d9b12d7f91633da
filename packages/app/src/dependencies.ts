import type { DependencyConfig } from "@vitrine/core";

/** How a dependency's run ended. */
export type Outcome = "success" | "failure";

/** The dependencies to run when block `blockId` fires `event`, in config order. */
export function triggeredBy(
  dependencies: readonly DependencyConfig[],
  blockId: number,
  event: string,
): DependencyConfig[] {
  return dependencies.filter((dep) => dep.targets.some(([id, name]) => id === blockId && name === event));
}

/**
 * The dependencies chained after `depId` (`.then`, `.success`, `.failure`) that should run
 * now that it ended with `outcome`.
 */
export function chainedAfter(
  dependencies: readonly DependencyConfig[],
  depId: number,
  outcome: Outcome,
): DependencyConfig[] {
  return dependencies.filter(
    (dep) =>
      dep.trigger_after === depId &&
      !(dep.trigger_only_on_success && outcome !== "success") &&
      !(dep.trigger_only_on_failure && outcome !== "failure"),
  );
}
