// Product overlays drawn by the C++ core (SDL2 + stb) into a <canvas> above the video.
//
//   const ov = await createOverlay(document.querySelector('#overlay'));
//   const text = ov.showProduct({ name: 'Kaos', price: 149000, originalPrice: 199000,
//                                       currency: 'IDR', image: 'assets/products/kaos.png' }, 'id');
//   // text.price === 'Rp 149.000' (what the accessible card button should say)
//   ov.draw();   // renders into the canvas; call again when something changed or moves
import { loadCore } from './core.mjs';

// Text crosses into the core well-formed: a lone surrogate (from a product feed) would be
// fused with the next character by the UTF-8 conversion and draw a wrong glyph.
const text16 = (v) => String(v ?? '').toWellFormed();

async function fetchBytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function createOverlay(canvas, {
  regularFont = new URL('assets/fonts/DejaVuSans.ttf', import.meta.url),
  boldFont = new URL('assets/fonts/DejaVuSans-Bold.ttf', import.meta.url),
} = {}) {
  const [core, regular, bold] = await Promise.all([loadCore(), fetchBytes(regularFont), fetchBytes(boldFont)]);
  const native = new core.Overlay(canvas.width, canvas.height);
  const problem = native.error();
  if (problem) {
    native.delete();
    throw new Error(`overlay: ${problem}`);
  }
  const fontProblem = native.loadFonts(regular, bold);
  if (fontProblem) throw new Error(`overlay fonts: ${fontProblem}`);
  const ctx = canvas.getContext('2d');
  const images = new Map(); // url -> Promise<Uint8Array>
  let pinToken = 0;

  // `now` is seconds on a steady clock (hearts move with it).
  // An ImageData straight over the core's pixels in wasm memory (putImageData then copies
  // once). Made again only when wasm memory grew, which detaches the old buffer.
  let image = null;
  function draw(now = performance.now() / 1000) {
    native.render(now);
    const view = native.pixels();
    if (!image || image.data.buffer !== view.buffer || image.data.byteOffset !== view.byteOffset) {
      image = new ImageData(new Uint8ClampedArray(view.buffer, view.byteOffset, view.byteLength), native.width(), native.height());
    }
    ctx.putImageData(image, 0, 0);
  }

  return {
    /**
     * Pins a product and returns the card's text as shown (throws with the reason).
     * The image is fetched once per URL; when it arrives `onImage` is called so the page
     * redraws, and a pin that changed meanwhile never gets a stale image.
     */
    showProduct(product, locale, onImage = () => {}) {
      const text = native.setCard(text16(product.name), Number(product.price),
        Number(product.originalPrice ?? 0), String(product.currency ?? 'IDR'), locale);
      if (text.error) throw new Error(text.error);
      const token = ++pinToken;
      if (product.image) {
        let bytes = images.get(product.image);
        if (!bytes) {
          bytes = fetchBytes(product.image);
          images.set(product.image, bytes);
        }
        bytes.then((data) => {
          if (token !== pinToken) return;
          const problem = native.setCardImage(data);
          if (problem) console.warn(`product image ${product.image}: ${problem}`);
          else onImage();
        }, (e) => {
          images.delete(product.image);
          console.warn(`product image ${product.image}: ${e.message}`); // the card still shows
        });
      }
      return text;
    },
    /** The stock line under the price ("Sisa 12"), already localized. */
    setStockText(text) {
      native.setStockText(text16(text));
    },
    clear() {
      ++pinToken;
      native.clearCard();
    },
    /** {label, secondsLeft, sold, fractionSold} (label and sold already localized), or null to hide. */
    setFlashSale(v) {
      if (v) native.setFlashSale(text16(v.label), Number(v.secondsLeft) || 0, text16(v.sold), Number(v.fractionSold) || 0);
      else native.clearFlashSale();
    },
    /** {title, detail} or null to hide. */
    setVoucher(v) {
      if (v) native.setVoucher(text16(v.title), text16(v.detail));
      else native.clearVoucher();
    },
    addHearts(n, now = performance.now() / 1000) {
      native.addHearts(Math.max(0, Math.min(48, n | 0)), now);
    },
    setReducedMotion(on) {
      native.setReducedMotion(!!on);
    },
    animating(now = performance.now() / 1000) {
      return native.animating(now);
    },
    draw,
    /** The card's rectangle in canvas pixels ({width: 0} when none is pinned). */
    cardRect() {
      return native.cardRect();
    },
  };
}
