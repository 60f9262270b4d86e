/**
 * A short two-note chime made with Web Audio (no file to download). Browsers refuse sound before the visitor
 * has interacted with the page, so the audio context is only created after a first click or key press;
 * until then `play()` does nothing, and it never throws.
 */
export class NotificationSound {
  #context?: AudioContext;
  #unlocked = false;
  readonly #listening = new AbortController();

  constructor() {
    const unlock = () => {
      this.#unlocked = true;
      this.#listening.abort();
    };
    const options = { capture: true, signal: this.#listening.signal };
    window.addEventListener('pointerdown', unlock, options);
    window.addEventListener('keydown', unlock, options);
  }

  play(): void {
    if (!this.#unlocked) return;
    try {
      // a browser without Web Audio throws here, caught like any other failure
      this.#context ??= new AudioContext();
      void this.#context.resume().catch(() => undefined);
      const start = this.#context.currentTime;
      this.#note(660, start, 0.12);
      this.#note(880, start + 0.12, 0.18);
    } catch {
      // no sound is better than an error on the page
    }
  }

  dispose(): void {
    this.#listening.abort();
    void this.#context?.close().catch(() => undefined);
    this.#context = undefined;
  }

  #note(frequency: number, start: number, length: number): void {
    const context = this.#context!;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + length + 0.02);
  }
}
