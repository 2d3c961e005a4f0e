import { expect, type Locator, type Page } from "@playwright/test";

// Below Tailwind's `sm` breakpoint: the phone project (390 px) and any other small screen.
export function isPhone(page: Page) {
  return (page.viewportSize()?.width ?? Infinity) < 640;
}

// Nothing on the page is wider than the screen: wide tables scroll inside their own box
// (components/ui/scroll-table.tsx), never the page. Measured against the screen, not
// window.innerWidth: a mobile browser widens its layout viewport to fit content that overflows.
export async function expectNoSidewaysPageScroll(page: Page) {
  const screenWidth = page.viewportSize()!.width;
  const overflowing = await page.evaluate((width) => {
    // Content a box on the screen clips or scrolls (a ScrollTable's table) does not widen the page.
    const clippedOnScreen = (element: Element) => {
      for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
        if (getComputedStyle(ancestor).overflowX !== "visible" && ancestor.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    // The outermost elements that reach past the screen's right edge, to name in the failure.
    const tooWide = [...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > width + 0.5 && !clippedOnScreen(element));
    return tooWide
      .filter((element) => !tooWide.includes(element.parentElement!))
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].slice(0, 4).join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`);
  }, screenWidth);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page width on ${page.url()}; wider than the screen: ${overflowing.join(", ") || "content positioned outside its box"}`).toBeLessThanOrEqual(screenWidth);
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
