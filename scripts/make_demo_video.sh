#!/usr/bin/env bash
# Renders the demo show's video from our own assets (product images, DejaVu font) with
# ffmpeg: 24 s, 360x640 portrait, VP9 WebM, silent. The output is committed, so a fresh
# machine does not need ffmpeg; rerun this only to change the video.
#   apt-get install ffmpeg && scripts/make_demo_video.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
font=assets/fonts/DejaVuSans-Bold.ttf
out=assets/shows/demo.webm
# Three 8-second scenes, one product each, over a slowly shifting studio backdrop.
scene() { # image, label, colour
  printf "color=c=%s:s=360x640:d=8:r=24[bg%s];movie=%s,scale=240:240[img%s];[bg%s][img%s]overlay=x='60+10*sin(t*1.3)':y='150+8*cos(t)'[s%s];" \
    "$3" "$4" "$1" "$4" "$4" "$4" "$4"
}
graph="$(scene assets/products/kaos-polos.png x '#37474f' 0)$(scene assets/products/sepatu-lari.png x '#4e342e' 1)$(scene assets/products/tas-selempang.png x '#263238' 2)"
graph+="[s0][s1][s2]concat=n=3:v=1:a=0[v];"
graph+="[v]drawbox=x=14:y=16:w=64:h=28:color=#d0011b@1:t=fill,"
graph+="drawtext=fontfile=$font:text='LIVE':x=24:y=22:fontsize=18:fontcolor=white,"
graph+="drawtext=fontfile=$font:text='Etalase Studio':x=92:y=22:fontsize=16:fontcolor=white@0.9,"
graph+="drawtext=fontfile=$font:text='%{eif\\:t\\:d}s':x=300:y=22:fontsize=14:fontcolor=white@0.7,"
graph+="format=yuv420p[out]"
ffmpeg -hide_banner -loglevel error -y -filter_complex "$graph" -map '[out]' -t 24 \
  -c:v libvpx-vp9 -b:v 120k -deadline good -row-mt 1 "$out"
ls -l "$out"
