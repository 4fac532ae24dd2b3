// govuk-frontend ships no types; we use only createAll and a few component classes.
declare module 'govuk-frontend' {
  type ComponentClass = { moduleName: string; new (element: Element, config?: unknown): unknown };
  export function createAll(component: ComponentClass, config?: unknown, options?: { scope?: Element; onError?: (e: unknown) => void }): unknown[];
  export const ErrorSummary: ComponentClass;
  export const Button: ComponentClass;
  export const SkipLink: ComponentClass;
  export const ServiceNavigation: ComponentClass;
  export const NotificationBanner: ComponentClass;
}
