import type { ComponentChildren } from 'preact';

interface SwitchProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  testId?: string;
  /** Extra content after the label, e.g. the keyboard shortcut. */
  children?: ComponentChildren;
}

/** A native checkbox with role=switch: keyboard (Space) and screen readers work as expected. */
export function Switch({ label, checked, onChange, disabled, testId, children }: SwitchProps) {
  return (
    <label class={`switch${disabled ? ' switch--disabled' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="switch__track" aria-hidden="true">
        <span class="switch__thumb" />
      </span>
      <span class="switch__label">{label}</span>
      {children}
    </label>
  );
}
