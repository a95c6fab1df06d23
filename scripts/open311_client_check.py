#!/usr/bin/env python3
"""Checks Lianxin's Open311 GeoReport v2 endpoint with an independent client: `georeport` from PyPI
(written by others, for any city's GeoReport v2 endpoint), in both JSON and XML.

    scripts/open311_client_check.py http://127.0.0.1:8080/open311/v2 API_KEY

The client only reads; a request is filed with a plain form POST as the specification shows, then
found again through the client in both formats. Exits non-zero on the first mismatch.
"""
import subprocess
import sys
import importlib.util

for module, package in (("georeport", "georeport==0.3.1"), ("xmltodict", "xmltodict"), ("requests", "requests")):
    if importlib.util.find_spec(module) is None:
        command = [sys.executable, "-m", "pip", "install", "--quiet", package]
        if subprocess.call(command) != 0:
            subprocess.check_call(command + ["--break-system-packages"])

import requests  # noqa: E402
from georeport import GeoReport  # noqa: E402


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        sys.exit(1)


def as_list(value):
    return value if isinstance(value, list) else [value]


def main():
    root, key = sys.argv[1].rstrip("/"), sys.argv[2]
    json_client = GeoReport(root, api_key=key, output_format="json")
    xml_client = GeoReport(root, api_key=key, output_format="xml")

    services = json_client.get_service_list()
    xml_services = as_list(xml_client.get_service_list())
    check(len(services) > 10 and all("service_code" in s and "metadata" in s for s in services), "services.json lists services")
    check(sorted(s["service_code"] for s in services) == sorted(s["service_code"] for s in xml_services), "services.xml lists the same services")
    with_attributes = next(s for s in services if s["metadata"] in (True, "true"))
    definition = json_client.get_service_definition(with_attributes["service_code"])
    xml_definition = xml_client.get_service_definition(with_attributes["service_code"])
    check(definition["service_code"] == with_attributes["service_code"] and len(definition["attributes"]) >= 1,
          f"services/{with_attributes['service_code']}.json has its attributes")
    check(len(as_list(xml_definition["attributes"]["attribute"])) == len(definition["attributes"]), "the XML definition has the same attributes")

    plain = next(s for s in services if s["metadata"] in (False, "false"))
    filed = requests.post(f"{root}/requests.json", data={
        "api_key": key, "service_code": plain["service_code"], "lat": "28.4545", "long": "117.9433",
        "description": "路灯连续三晚不亮（独立客户端测试）", "first_name": "测试", "phone": "13807930001", "jurisdiction_id": "",
    })
    check(filed.status_code in (200, 201), f"POST requests.json files a request ({filed.status_code})")
    answer = filed.json()
    check(isinstance(answer, list) and len(answer) == 1, "the answer is a list of one")
    request_id = answer[0].get("service_request_id")
    token = answer[0].get("token")
    check(bool(request_id) or bool(token), "it carries a service_request_id or a token")
    if not request_id:
        request_id = requests.get(f"{root}/tokens/{token}.json").json()[0]["service_request_id"]

    one = json_client.get_service_request(request_id)
    check(one["service_request_id"] == request_id and one["status"] in ("open", "closed"), f"requests/{request_id}.json finds it")
    xml_one = xml_client.get_service_request(request_id)
    xml_one = as_list(xml_one)[0]
    check(xml_one["service_request_id"] == request_id and xml_one["service_code"] == plain["service_code"], "the XML request matches")
    listed = json_client.get_service_requests(service_code=plain["service_code"])
    check(any(r["service_request_id"] == request_id for r in listed), "requests.json lists it")
    xml_listed = as_list(xml_client.get_service_requests(service_code=plain["service_code"]))
    check(any(r["service_request_id"] == request_id for r in xml_listed), "requests.xml lists it")
    check("13807930001" not in requests.get(f"{root}/requests/{request_id}.json").text, "no requester phone in public reads")

    bad = requests.post(f"{root}/requests.xml", data={"api_key": "wrong", "service_code": plain["service_code"], "lat": "28.45", "long": "117.94",
                                                       "description": "x"})
    check(bad.status_code == 403 and "<errors>" in bad.text, "a wrong key is 403 with an XML error list")
    print("open311 client check: all passed")


if __name__ == "__main__":
    main()
