import { useEffect } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Timer view reads. */
export interface TimerViewProps {
  /** Whether it ticks. */
  active: boolean;
}

/**
 * The Timer view: draws nothing, and fires `tick` every `value` seconds while `active`. A new
 * period or `active` (from an update) restarts the count.
 */
export function TimerView({ value, props, dispatch }: ViewProps<number | null, TimerViewProps>) {
  const active = props.active !== false;
  const seconds = typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
  useEffect(() => {
    if (!active || seconds === null) return;
    const timer = setInterval(() => dispatch("tick"), seconds * 1000);
    return () => clearInterval(timer);
  }, [active, seconds, dispatch]);
  return null;
}
