// Product overlays drawn by the C++ core (SDL2 + stb) into a <canvas> above the video.
//
//   const ov = await createOverlay(document.querySelector('#overlay'));
//   const text = await ov.showProduct({ name: 'Kaos', price: 149000, originalPrice: 199000,
//                                       currency: 'IDR', image: 'assets/products/kaos.png' }, 'id');
//   // text.price === 'Rp 149.000' (what the accessible card button should say)
import { loadCore } from './core.mjs';

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

  function draw() {
    native.render();
    const w = native.width(), h = native.height();
    const view = native.pixels(); // a view into wasm memory: copy before memory can grow
    ctx.putImageData(new ImageData(new Uint8ClampedArray(view), w, h), 0, 0);
  }

  return {
    /** Pins a product; resolves to the card's text as shown, or rejects with the reason. */
    async showProduct(product, locale) {
      const text = native.setCard(String(product.name ?? ''), Number(product.price),
        Number(product.originalPrice ?? 0), String(product.currency ?? 'IDR'), locale);
      if (text.error) throw new Error(text.error);
      if (product.image) {
        try {
          const problem = native.setCardImage(await fetchBytes(product.image));
          if (problem) console.warn(`product image ${product.image}: ${problem}`);
        } catch (e) {
          console.warn(`product image ${product.image}: ${e.message}`); // the card still shows
        }
      }
      draw();
      return text;
    },
    clear() {
      native.clearCard();
      draw();
    },
    draw,
    /** The card's rectangle in canvas pixels ({width: 0} when none is pinned). */
    cardRect() {
      return native.cardRect();
    },
  };
}
