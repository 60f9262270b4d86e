// The product page: points the drop-in widget at the stand-in Chatwoot, then loads the kit, so the widget
// starts with both attributes already set.
interface StandInInfo {
  url: string;
  inboxIdentifier: string;
}

async function main(): Promise<void> {
  const response = await fetch('/__standin/info');
  if (!response.ok) throw new Error(`GET /__standin/info answered ${response.status}`);
  const info = (await response.json()) as StandInInfo;
  for (const element of document.querySelectorAll('cw-widget')) {
    element.setAttribute('base-url', info.url);
    element.setAttribute('inbox', info.inboxIdentifier);
  }
  const kit = document.createElement('script');
  kit.type = 'module';
  kit.src = '/chatwoot-elements.js';
  document.head.append(kit);
}

main().catch((error: unknown) => {
  const box = document.getElementById('demo-error');
  if (box) box.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
});

export {};
