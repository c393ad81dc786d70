#!/usr/bin/env bash
# Reproduces the forecast verification tables of the README: rolling-origin evaluation, leads 1-7, issue hours 15 and
# 24, both --met modes, on the UCI files in ../shared/data (or $AIRWARN_DATA). Writes one JSON report per run next to
# this script, the full table to table.md, and prints the README's summary. Needs the packaged jar:
# mvn -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${AIRWARN_DATA:-../shared/data}
out=forecast-models/evaluation
jar=target/quarkus-app/quarkus-run.jar
run() { # name, then evaluate options
  local name=$1; shift
  for hour in 15 24; do
    for met in perfect none; do
      java -jar "$jar" evaluate "$@" --train-until 2013-12-31 --leads 1,2,3,4,5,6,7 --issue-hour "$hour" \
        --met "$met" --out "$out/$name-$hour-$met.json" > /dev/null
    done
  done
}
run beijing   --input "$data/five-cities-uci/BeijingPM20100101_20151231.csv"   --format five-cities --pm25-columns "PM_US Post"
run chengdu   --input "$data/five-cities-uci/ChengduPM20100101_20151231.csv"   --format five-cities --pm25-columns "PM_US Post"
run guangzhou --input "$data/five-cities-uci/GuangzhouPM20100101_20151231.csv" --format five-cities --pm25-columns "PM_US Post"
run shanghai  --input "$data/five-cities-uci/ShanghaiPM20100101_20151231.csv"  --format five-cities --pm25-columns "PM_US Post"
run beijing-us-embassy --input "$data/beijing-pm25-uci/PRSA_data_2010.1.1-2014.12.31.csv" --format prsa
python3 "$out/summarise.py" "$out"
