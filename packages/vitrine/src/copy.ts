import { Component, type AnyComponent, type ComponentProps } from "@vitrine/core";

/**
 * A new component of the same class with the same props, not yet placed anywhere: what an
 * Interface is rebuilt from inside another app (a block belongs to one layout and one app).
 * Every component takes its props as its constructor's only argument (the component contract),
 * so the copy is made the way the original was; the props object is copied, not shared.
 */
export function copyComponent<C extends AnyComponent>(component: C): C {
  if (!(component instanceof Component)) throw new TypeError("copyComponent takes a component");
  const Class = component.constructor as new (props: ComponentProps<unknown>) => C;
  const copy = new Class({ ...component.props, render: false });
  // `render: false` only kept the copy out of the current scope; its config is the original's.
  if (!("render" in component.props)) delete (copy.props as { render?: boolean }).render;
  return copy;
}

/**
 * Copies of the components of several lists, where a component that stands in more than one
 * list (an Interface's "state" input and output) gets one copy, shared.
 */
export function copyComponents<L extends readonly AnyComponent[][]>(...lists: L): { [K in keyof L]: AnyComponent[] } {
  const copies = new Map<AnyComponent, AnyComponent>();
  const copyOnce = (c: AnyComponent): AnyComponent => {
    let copy = copies.get(c);
    if (!copy) {
      copy = copyComponent(c);
      copies.set(c, copy);
    }
    return copy;
  };
  return lists.map((list) => list.map(copyOnce)) as { [K in keyof L]: AnyComponent[] };
}
