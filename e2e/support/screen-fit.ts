import { expect, type Locator, type Page } from "@playwright/test";

// Below Tailwind's `sm` breakpoint: the phone project (390 px) and any other small screen.
export function isPhone(page: Page) {
  return (page.viewportSize()?.width ?? Infinity) < 640;
}

// Nothing on the page is wider than the screen: wide tables scroll inside their own box
// (components/ui/scroll-table.tsx), never the page.
export async function expectNoSidewaysPageScroll(page: Page) {
  const { scrollWidth, viewportWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width on ${page.url()}`).toBeLessThanOrEqual(viewportWidth);
}

// An open dialog lies entirely on the screen, does not scroll sideways, and both its title and the
// given button can be brought into view by scrolling the dialog's body.
export async function expectDialogFitsScreen(page: Page, dialog: Locator, buttonName?: string) {
  const viewport = page.viewportSize()!;
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow, "the dialog scrolls sideways").toBeLessThanOrEqual(0);
  const title = dialog.getByRole("heading").first();
  await title.scrollIntoViewIfNeeded();
  await expect(title).toBeInViewport({ ratio: 1 });
  if (buttonName) {
    const button = dialog.getByRole("button", { name: buttonName, exact: true });
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport({ ratio: 1 });
  }
}
