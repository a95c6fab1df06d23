-- wrk script for the intake benchmark: POST one order per request as the token's operator.
wrk.method = "POST"
wrk.body = '{"title":"路灯不亮","description":"劳动路 12 号门前路灯连续三晚不亮","categoryCode":"0601","divisionCode":"361102001001","channel":"hotline","requesterPhone":"13807930001"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LIANXIN_BENCH_TOKEN")
