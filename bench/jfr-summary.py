#!/usr/bin/env python3
# Summary of a JFR recording of a fan-out (bench/README.md, section 15): the execution samples between the
# first and the last one inside the Vert.x mail client, by thread, by what they were doing (first matching
# frame along the stack) and by top frame.  Usage: python3 bench/jfr-summary.py FILE.jfr [EVENT] [N-TOP-FRAMES]
import sys, json, collections, subprocess
f = sys.argv[1]; ev = sys.argv[2] if len(sys.argv) > 2 else 'jdk.ExecutionSample'
data = json.loads(subprocess.run(['jfr','print','--json','--events',ev,'--stack-depth','64',f],capture_output=True,text=True).stdout)
events = data['recording']['events']
def frames(e):
    st = e['values'].get('stackTrace')
    return [fr['method']['type']['name'].replace('/','.') + '.' + fr['method']['name'] for fr in st['frames']] if st else []
# window: from first sample in the mail client to the last one
times = [e['values']['startTime'] for e in events if any('ext.mail' in x for x in frames(e))]
lo, hi = min(times), max(times)
win = [e for e in events if lo <= e['values']['startTime'] <= hi]
print("window", lo, hi, "samples", len(win), "of", len(events))
n = len(win)
def thread(e):
    v = e['values']; t = (v.get('sampledThread') or v.get('eventThread') or {}).get('javaName') or '?'
    return ''.join(ch for ch in t if not ch.isdigit()).rstrip('-')
def cat(fs):
    s = ' '.join(fs)
    for key, name in [('encodeQP','MIME QP encoding (mail client)'),('mailencoder','MIME encoding (mail client)'),('qute','Qute render'),
                      ('TokenService','token HMAC/hash'),('MessageDigest','SHA-256'),('Mac','HMAC'),
                      ('SMTPSendMail','SMTP send (mail client)'),('SMTPConnection','SMTP connection (mail client)'),('ext.mail','mail client other'),
                      ('postgresql','JDBC'),('hibernate','Hibernate'),('agroal','JDBC pool'),('netty','Netty I/O'),('io.vertx','Vert.x other'),('io.subregistry','our code other')]:
        if key in s: return name
    return 'other'
th = collections.Counter(thread(e) for e in win)
print("-- by thread"); [print(f"{c*100/n:5.1f}% {t}") for t, c in th.most_common(8)]
cats = collections.Counter(cat(frames(e)) for e in win)
print("-- by category (first match along the stack)"); [print(f"{c*100/n:5.1f}% {t}") for t, c in cats.most_common(20)]
top = collections.Counter(frames(e)[0] for e in win if frames(e))
print("-- top frames (self)"); [print(f"{c*100/n:5.1f}% {t}") for t, c in top.most_common(int(sys.argv[3]) if len(sys.argv)>3 else 20)]
