#!/usr/bin/env python3
# Inclusive frames of one thread (by name part, e.g. "eventloop") in the fan-out window of a JFR recording
# (bench/README.md, section 15).  Usage: python3 bench/jfr-thread.py FILE.jfr THREAD-NAME-PART
import sys, json, collections, subprocess
f = sys.argv[1]
data = json.loads(subprocess.run(['jfr','print','--json','--events','jdk.ExecutionSample','--stack-depth','64',f],capture_output=True,text=True).stdout)
events = data['recording']['events']
def frames(e):
    st = e['values'].get('stackTrace')
    return [fr['method']['type']['name'].replace('/','.') + '.' + fr['method']['name'] for fr in st['frames']] if st else []
times = [e['values']['startTime'] for e in events if any('ext.mail' in x for x in frames(e))]
lo, hi = min(times), max(times)
win = [e for e in events if lo <= e['values']['startTime'] <= hi and sys.argv[2] in ((e['values'].get('sampledThread') or {}).get('javaName') or '')]
n = len(win); print("samples", n)
incl = collections.Counter()
for e in win:
    for fr in set(frames(e)): incl[fr] += 1
for t, c in incl.most_common(70):
    print(f"{c*100/n:5.1f}% {t}")
