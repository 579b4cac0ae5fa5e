#!/usr/bin/env bash
# Builds the wasm libraries Etalase links against, from Debian's source packages:
# ICU 72 (libicuuc.a, libicui18n.a + a trimmed icudt72l.dat) and SDL2 2.26.5 (libSDL2.a).
# They take ~4 minutes, so they live outside the checkout, keyed by versions, and are
# rebuilt only when missing: prints the prefix that holds include/, lib/ and share/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export NODE_PATH=/usr/share/nodejs   # optimised emcc links need acorn from here

ICU_VER=72.1; SDL_VER=2.26.5; EM_VER=$(dpkg-query -W -f='${Version}' emscripten | cut -d- -f1)
# The data keep-list is part of the key: changing it rebuilds only the data file.
# CMakeLists.txt finds the data by the same key.
data_key=$(sha1sum "$here/scripts/icu_data_keep.txt" | cut -c1-8)
cache=${ETALASE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/etalase}
prefix="$cache/wasm-deps-icu$ICU_VER-sdl$SDL_VER-em$EM_VER"
mkdir -p "$prefix"
log="$cache/wasm-deps.log"
jobs=$(nproc)

fetch_source() { # $1 = source package, $2 = directory glob it unpacks to
  local dir; dir=$(ls -d "$cache/src/"$2 2>/dev/null | head -n1 || true)
  if [ -z "$dir" ]; then
    mkdir -p "$cache/src"
    (cd "$cache/src" && apt-get source -qq "$1" >>"$log" 2>&1) || { echo "wasm_deps: apt-get source $1 failed (see $log)" >&2; exit 1; }
    dir=$(ls -d "$cache/src/"$2 | head -n1)
  fi
  echo "$dir"
}

if [ ! -f "$prefix/lib/libSDL2.a" ]; then
  t0=$SECONDS
  src=$(fetch_source libsdl2 'libsdl2-2.*')
  obj="$cache/build/sdl2"; rm -rf "$obj"; mkdir -p "$obj"
  # Emscripten's own port recipe lists the sources SDL needs on the web; it predates a few
  # files 2.26 added, so those follow.
  files=$(python3 - <<'PY'
import re
text = open('/usr/share/emscripten/tools/ports/sdl2.py').read()
srcs = re.search(r"srcs = '''(.*?)'''", text, re.S).group(1).split()
srcs += ['thread/generic/' + s for s in ['SDL_syscond.c', 'SDL_sysmutex.c', 'SDL_syssem.c', 'SDL_systhread.c', 'SDL_systls.c']]
srcs += ['SDL_guid.c', 'SDL_list.c', 'SDL_utils.c', 'stdlib/SDL_crc16.c', 'joystick/controller_type.c']
print('\n'.join(srcs))
PY
)
  echo "$files" | xargs -P "$jobs" -I{} sh -c 'o="$2/$(echo {} | tr / _).o"; emcc -c "$1/src/{}" -o "$o" -I"$1/include" -O2 -w' _ "$src" "$obj"
  mkdir -p "$prefix/lib" "$prefix/include/SDL2"
  emar rcs "$prefix/lib/libSDL2.a" "$obj"/*.o
  cp "$src"/include/*.h "$prefix/include/SDL2/"
  echo "wasm_deps: SDL2 $SDL_VER built in $((SECONDS - t0)) s" >&2
fi

if [ ! -f "$prefix/lib/libicui18n.a" ] || [ ! -f "$prefix/lib/libicudata.a" ]; then
  t0=$SECONDS
  src=$(fetch_source icu 'icu-72*')/source
  native="$cache/build/icu-native"; wasm="$cache/build/icu-wasm"
  rm -rf "$native" "$wasm"; mkdir -p "$native" "$wasm/lib" "$wasm/bin"
  # The cross build needs only the native tree's config files, not a native ICU build.
  (cd "$native" && "$src/runConfigureICU" Linux >>"$log" 2>&1 && make config/icucross.mk config/icucross.inc >>"$log" 2>&1)
  (cd "$wasm" && CXXFLAGS="-O2 -std=c++17" CFLAGS="-O2" emconfigure "$src/configure" --host=wasm32-unknown-linux \
      --with-cross-build="$native" --prefix="$prefix" --enable-static --disable-shared --disable-tools \
      --disable-tests --disable-samples --disable-extras --disable-icuio --disable-layoutex \
      --with-data-packaging=archive >>"$log" 2>&1)
  for d in stubdata common i18n; do make -C "$wasm/$d" -j"$jobs" >>"$log" 2>&1; done
  # stubdata is an empty libicudata.a: the real data arrives at run time (udata_setCommonData).
  for d in stubdata common i18n; do make -C "$wasm/$d" install >>"$log" 2>&1; done
  cp "$src/data/in/icudt72l.dat" "$prefix/share-icudt72l-full.dat"
  echo "wasm_deps: ICU $ICU_VER built in $((SECONDS - t0)) s" >&2
fi

dat="$prefix/share/icu-$data_key/icudt72l.dat"
if [ ! -f "$dat" ]; then
  "$here/scripts/icu_data.sh" "$prefix/share-icudt72l-full.dat" "$here/scripts/icu_data_keep.txt" "$dat"
fi
echo "$prefix"
