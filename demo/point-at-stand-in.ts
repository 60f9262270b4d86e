// Shared by the demo pages: points the chat elements at the stand-in Chatwoot, then loads the kit, so they
// start with both attributes already set. A failure is shown in #demo-error.
interface StandInInfo {
  url: string;
  inboxIdentifier: string;
}

async function configure(selector: string): Promise<void> {
  const response = await fetch('/__standin/info');
  if (!response.ok) throw new Error(`GET /__standin/info answered ${response.status}`);
  const info = (await response.json()) as StandInInfo;
  for (const element of document.querySelectorAll(selector)) {
    element.setAttribute('base-url', info.url);
    element.setAttribute('inbox', info.inboxIdentifier);
  }
  const kit = document.createElement('script');
  kit.type = 'module';
  kit.src = '/chatwoot-elements.js';
  document.head.append(kit);
}

export function pointAtStandIn(selector: string): void {
  configure(selector).catch((error: unknown) => {
    const box = document.getElementById('demo-error');
    if (box) box.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
}
