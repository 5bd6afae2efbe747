/** Where Chromium is (`CHROME_PATH`, else Debian's `/usr/bin/chromium`). */
export declare const chromiumPath: string;
/** The flags every browser test starts it with. */
export declare const chromiumArgs: string[];
