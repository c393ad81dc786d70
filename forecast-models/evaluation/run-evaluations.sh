#!/usr/bin/env bash
# Reproduces the forecast verification tables of the README: rolling-origin evaluation, leads 1-7, issue hours 15 and
# 24, both --met modes, of the daily AQI from PM2.5 (five-cities and embassy files) and from PM2.5, PM10 and O3-8h
# (multi-site files), on the UCI files in ../shared/data (or $AIRWARN_DATA). Writes one JSON report per run next to
# this script, the full table to table.md, and prints the README's summary. Needs the packaged jar:
# mvn -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${AIRWARN_DATA:-../shared/data}
out=forecast-models/evaluation
jar=target/quarkus-app/quarkus-run.jar
run() { # name, last training day, then evaluate options
  local name=$1 until=$2; shift 2
  for hour in 15 24; do
    for met in perfect none; do
      java -jar "$jar" evaluate "$@" --train-until "$until" --leads 1,2,3,4,5,6,7 --issue-hour "$hour" \
        --met "$met" --out "$out/$name-$hour-$met.json" > /dev/null
    done
  done
}
run beijing   2013-12-31 --input "$data/five-cities-uci/BeijingPM20100101_20151231.csv"   --format five-cities --pm25-columns "PM_US Post"
run chengdu   2013-12-31 --input "$data/five-cities-uci/ChengduPM20100101_20151231.csv"   --format five-cities --pm25-columns "PM_US Post"
run guangzhou 2013-12-31 --input "$data/five-cities-uci/GuangzhouPM20100101_20151231.csv" --format five-cities --pm25-columns "PM_US Post"
run shanghai  2013-12-31 --input "$data/five-cities-uci/ShanghaiPM20100101_20151231.csv"  --format five-cities --pm25-columns "PM_US Post"
run beijing-us-embassy 2013-12-31 --input "$data/beijing-pm25-uci/PRSA_data_2010.1.1-2014.12.31.csv" --format prsa
# The multi-site files have PM10 and ozone: the full AQI (the highest of the three sub-indices), and PM2.5 alone beside it.
multisite="$data/beijing-multisite-uci/PRSA_Data_*_20130301-20170228.csv"
run beijing-multisite      2015-02-28 --input "$multisite" --format prsa
run beijing-multisite-pm25 2015-02-28 --input "$multisite" --format prsa --pollutants PM2_5
python3 "$out/summarise.py" "$out"
