#!/usr/bin/env python3
"""Measurement, not a test: records a national-scale study into a running application over HTTP, then times its
export. Start the application with a 256 MB heap and GC logging, e.g.

    ASSESSMENT_ADMIN_PASSWORD=secret ASSESSMENT_DATA_DIR=/tmp/national SERVER_PORT=8181 \
      java -Xmx256m -Xlog:gc:file=/tmp/national-gc.log -jar assessment-api/target/assessment-api.jar

and run `python3 national_scale_export.py 8181 secret` (standard library only). Scale: 352 areas x 3 waves x 40
respondents x 8 answers (337,920 answers) and 5 interviews x 3 findings per area and wave (15,840 findings).

Measured on the 2-core build machine (embedded storage, -Xmx256m): 63,717 events recorded in 226 s; the export
(all five tables, 337,920 + 15,840 + 25,344 rows, a 1.8 MB zip) took 3.9 s, with excerpts and comments 3.0 s.
The heap after GC peaked at 214 MB during the two exports against about 150-158 MB live before and after them
(the application's own baseline at this size); no full GC and no OutOfMemoryError during the exports.
"""
import base64
import http.client
import json
import random
import sys
import threading
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8181
PASSWORD = sys.argv[2] if len(sys.argv) > 2 else "secret"
AREAS, WAVES, RESPONDENTS, INTERVIEWS, THREADS = 352, 3, 40, 5, 6
DIMENSIONS = ["trust", "communication", "information_sharing", "goals", "power", "resources", "accountability",
              "commitment"]
CODES = ["unclear responsibilities", "resource gap", "unknown partners", "reactive", "depends on individuals",
         "levels disconnected"]
REGIONS = ["%02d" % i for i in range(1, 22)] + ["90"]
AUTH = "Basic " + base64.b64encode(("admin:" + PASSWORD).encode()).decode()
S = "/api/v1/studies/national"


def post(conn, path, body):
    conn.request("POST", path, json.dumps(body), {"Authorization": AUTH, "Content-Type": "application/json"})
    response = conn.getresponse()
    text = response.read()
    if response.status not in (201, 409):
        raise RuntimeError("%s %s: %s %s" % (path, body, response.status, text[:300]))


def area_wave_jobs(worker):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    rnd = random.Random(worker)
    for index in range(worker, AREAS * WAVES, THREADS):
        a, w = index % AREAS, index // AREAS
        area, wave = "area-%03d" % a, "w%d" % (2023 + w)
        for r in range(RESPONDENTS):
            post(conn, S + "/self-assessments", {
                "id": "%s-%s-%d" % (area, wave, r), "areaId": area, "waveId": wave,
                "respondent": {"pseudonym": "%s-R%d" % (area, r), "organisationType": "municipality",
                               "actorLevel": "coordination"},
                "answers": {d: rnd.randint(2, 6) / 2 for d in DIMENSIONS}})
        for i in range(INTERVIEWS):
            interview = "%s-%s-i%d" % (area, wave, i)
            post(conn, S + "/interviews", {
                "id": interview, "waveId": wave, "conductedOn": "%d-10-01" % (2023 + w),
                "informant": {"pseudonym": "%s-H%d" % (area, i), "organisationType": "ngo",
                              "actorLevel": "leadership"}, "areaIds": [area]})
            for f in range(3):
                body = {"id": "f%d" % f, "areaId": area, "dimension": "goals" if f < 2 else rnd.choice(DIMENSIONS),
                        "stage": rnd.randint(1, 3), "codes": [rnd.choice(CODES)],
                        "excerpt": "Quote %d of %s." % (f, interview), "coder": "coder-b" if f == 1 else "coder-a"}
                if f < 2:
                    body["segmentId"] = "s1"
                post(conn, S + "/interviews/%s/findings" % interview, body)


def main():
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    started = time.time()
    post(conn, "/api/v1/studies", {"id": "national", "title": "National monitoring",
                                   "frameworkId": "keast-mandell-2014"})
    for w in range(WAVES):
        post(conn, S + "/waves", {"id": "w%d" % (2023 + w), "label": "Wave %d" % (2023 + w),
                                  "opensOn": "%d-09-01" % (2023 + w), "closesOn": "%d-12-15" % (2023 + w)})
    for a in range(AREAS):
        post(conn, S + "/areas", {"id": "area-%03d" % a, "name": "Area %d" % a, "regionCode": REGIONS[a % 22],
                                  "interfaceTheme": "hyte", "parties": [{"type": "municipality",
                                                                         "name": "Municipality %d" % a}]})
    workers = [threading.Thread(target=area_wave_jobs, args=(i,)) for i in range(THREADS)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print("recorded in %.0f s" % (time.time() - started))
    for query in ["", "?include=excerpts,comments"]:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)  # the first one idled out
        started = time.time()
        conn.request("GET", S + "/export" + query, headers={"Authorization": AUTH})
        response = conn.getresponse()
        size = len(response.read())
        print("export%s: HTTP %d, %d bytes, %.1f s, position %s" % (
            query, response.status, size, time.time() - started, response.getheader("X-Assessment-Position")))


if __name__ == "__main__":
    main()
