// Pictures for the attachment and link-preview stories. The elements show only http(s) links, so the
// files are served by Storybook (never inlined as data: URLs) and made absolute against the page.
import landscapeUrl from '../assets/landscape.png?no-inline';
import logoUrl from '../assets/site-logo.png?no-inline';

/** A 480 × 300 picture of hills under a blue sky. */
export const landscape = new URL(landscapeUrl, location.href).href;

/** A 64 × 64 square, for a link preview's image. */
export const siteLogo = new URL(logoUrl, location.href).href;
