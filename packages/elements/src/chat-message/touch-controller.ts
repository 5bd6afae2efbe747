import type { ReactiveController, ReactiveControllerHost } from 'lit';

const LONG_PRESS_MS = 500;
const SLOP_PX = 10;

/**
 * Tells touch from mouse on an element, and a long press from a tap. `touch` starts from the device
 * (`(pointer: coarse)`: phones and tablets) and follows the pointer actually used, so a laptop with a touch
 * screen gets the touch controls when it is touched. A long press (held still for half a second, or the
 * system's own long-press `contextmenu`) calls `onLongPress`, and the tap that ends it does nothing else.
 */
export class TouchController implements ReactiveController {
  /** Whether the element is being used by touch (or pen), so nothing may depend on hovering. */
  touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #start: { x: number; y: number } | undefined;
  #pressed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onLongPress: () => void,
  ) {
    host.addController(this);
    // Listeners on the host itself go with it: nothing to remove.
    host.addEventListener('pointerdown', this.#down);
    host.addEventListener('pointermove', this.#move);
    host.addEventListener('pointerup', this.#stop);
    host.addEventListener('pointercancel', this.#stop);
    host.addEventListener('click', this.#click, true);
    host.addEventListener('contextmenu', this.#contextmenu);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #down = (event: PointerEvent) => {
    const touch = event.pointerType !== 'mouse';
    if (touch !== this.touch) {
      this.touch = touch;
      this.host.requestUpdate();
    }
    this.#pressed = false;
    if (!touch || !event.isPrimary || onLink(event)) return;
    this.#start = { x: event.clientX, y: event.clientY };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#longPress, LONG_PRESS_MS);
  };

  #move = (event: PointerEvent) => {
    if (this.#start && Math.hypot(event.clientX - this.#start.x, event.clientY - this.#start.y) > SLOP_PX) this.#stop();
  };

  #stop = () => {
    clearTimeout(this.#timer);
    this.#start = undefined;
  };

  #longPress = () => {
    this.#stop();
    this.#pressed = true;
    this.onLongPress();
  };

  /** The click that ends a long press must not also activate what was under the finger. */
  #click = (event: Event) => {
    if (!this.#pressed) return;
    this.#pressed = false;
    event.preventDefault();
    event.stopPropagation();
  };

  /** Touch systems send `contextmenu` on a long press: open the actions instead of the browser's menu. */
  #contextmenu = (event: Event) => {
    if (!this.touch || onLink(event)) return;
    event.preventDefault();
    if (this.#start) this.#longPress();
  };
}

/** Links keep the browser's own long-press menu (open, copy the address). */
const onLink = (event: Event) => event.composedPath().some((node) => (node as Element).localName === 'a');
