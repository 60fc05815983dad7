/**
 * The engine's words in a trace, in Korean: every key of the engine's
 * TRACE_MESSAGES (English there) and every plain stage. Typed over the
 * engine's keys, so a new message cannot ship untranslated. Rules, chains,
 * addresses and tools' notation stay as they are.
 */
import type { MessageTemplate, TraceMessageKey } from "../../engine/net/messages";
import type { PlainStage } from "../../engine/net/types";

export const TRACE_KO: Record<TraceMessageKey, MessageTemplate> = {
  "hop.leavesPod": "파드의 네트워크 네임스페이스를 veth 쌍으로 빠져나감 ({node}의 {veth})",
  "hop.toItself": "lo를 거쳐 자기 자신에게",
  "hop.intoPod": "{dev}를 거쳐 파드의 eth0으로 들어감",
  "hop.noPodHolds": "{node}에 {ip} 주소를 가진 파드가 없음: ARP 응답이 오지 않음",
  "hop.wireOut": "{from} → {ip} (클러스터 밖)",
  "hop.wireNodes": "{from} ({fromIp}) → {to} ({toIp})",
  "hop.wireIn": "{client} → 노드 {node}의 eth0",
  "hop.noAnnouncer": "{ip} 주소를 알리는 노드가 없음 (MetalLB L2에는 조건에 맞는 노드가 필요)",
  "hop.metallb": "MetalLB L2: 노드 {node}가 {ip}의 ARP에 응답하고, 패킷은 바뀌지 않은 채 그 노드에 도착",
  "hop.clusterOnly":
    "{ip} 주소는 클러스터 밖으로 라우팅되지 않음: ClusterIP와 파드 IP에는 노드와 파드에서만 닿을 수 있음",
  "hop.noRoute": "{client}에서 {ip}로 가는 경로가 없음",
  "hop.routeLocal": "이 노드로 전달 (INPUT)",
  "hop.routePod": "이 노드의 파드로: cni0 → {dev}",
  "hop.routePodHost": "이 노드의 파드로: 호스트 라우트로 {dev}",
  "hop.routeNode": "노드 {node}로",
  "hop.routeOut": "기본 경로를 따라 클러스터를 떠남",
  "hop.ipvsForward": "IPVS가 실제 서버로 보냄",
  "hop.established": "이미 있는 연결: nat 테이블을 건너뜀",
  "hop.cniMasquerade": "클러스터를 떠나는 파드 트래픽은 CNI가 마스커레이드함 (kube-proxy가 아님)",
  "hop.policyAccept": "일치하는 규칙 없음: 체인의 기본 정책 ACCEPT",
  "hop.icmpBack": "ICMP {icmp}가 {client}로 돌아감: connect()가 ECONNREFUSED로 실패",
  "hop.listens": "{listener}가 {port}에서 기다리고 있으며, 클라이언트를 {client}로 봄",
  "hop.nothingListens":
    "{port}에서 기다리는 프로그램이 없음: 커널이 RST로 응답 (containerPort는 포트를 열지 않음)",
  "hop.dnsDirect": "{server}:53에 질의 (클러스터 주소가 아니라 바로 응답받음)",
  "hop.dnsTries": { other: "검색 목록을 따라 질의 {count}번 (첫 질의만 따라감)" },
  "hop.nodeResolver": "노드의 리졸버는 클러스터 도메인을 모름",
  "trace.dropped": "패킷이 버려짐: 클라이언트는 시간 초과를 겪음",
  "trace.nodeNotFound": '노드 "{node}"를 찾을 수 없음',
  "trace.podNotFound": '파드 "{pod}"를 찾을 수 없음',
  "trace.noPodIp": '파드 "{pod}"에 아직 IP가 없음',
  "trace.notScheduled": "파드가 아직 노드에 배치되지 않음",
  "trace.routingLoop": "라우팅 루프",
  "trace.outside": "{ip} 주소는 클러스터 밖: 연결이 기본 경로로 나감",
  "trace.noReply": "응답이 클라이언트에 닿지 못함",
  "trace.portInUse": "{address}는 이 클라이언트의 살아 있는 연결이 쓰고 있음: 이 포트에 bind할 수 없음",
  "trace.internalError": "내부 오류: {reason} (Packetwalk 엔진의 버그: 아무것도 보내지 않음)",
  "walk.chain": { other: "{chain} (규칙 {count}개)" },
  "walk.fold": { other: "일치하지 않는 규칙 {count}개, 모두 하나씩 검사됨 (규칙 {from}–{to})" },
  "walk.foldDraws": {
    other: "일치하지 않는 규칙 {count}개, 모두 하나씩 검사됨 (규칙 {from}–{to}), 난수 {draws}번",
  },
  "walk.decides": "여기서 결정",
  "walk.why": "{chain} 규칙 {n} → {action}: {test}",
  "walk.whyRest": {
    other:
      "{chain} 규칙 {n} → {action}: 앞선 확률 규칙 {count}개가 모두 불일치, 마지막 규칙이 남은 패킷을 모두 받음",
  },
  "walk.statisticHit": "뽑은 수 {draw} < {probability}: 일치",
  "walk.statisticMiss": "뽑은 수 {draw} ≥ {probability}: 불일치",
  "walk.recentSeen": "{address}: {list}에서 {age}초 전에 마지막으로 보임 (기간 {seconds}초)",
  "walk.recentStale": "{address}: {list}에서 {age}초 전에 마지막으로 보임, {seconds}초보다 오래됨",
  "walk.recentUnseen": "{address}: {list}에 없음",
  "walk.recentSet": "{list}가 이제 {address}를 기억함",
  "walk.ipsetHit": "{key}: {set}에 있음",
  "walk.ipsetMiss": "{key}: {set}에 없음",
  "walk.vmapHit": "@{map}에서 {key}를 찾음: {verdict}",
  "walk.vmapMiss": "{key}: @{map}에 없음",
  "walk.setHit": "{key}: @{set}에 있음",
  "walk.setLive": "{key}: @{set}에 있음, {seconds}초 뒤 만료",
  "walk.setMiss": "{key}: @{set}에 없음",
  "walk.numgen": "numgen이 {value}를 뽑음 (0–{max}): {element}",
  "walk.numgenDrew": "numgen이 {value}를 뽑음 (0–{max})",
  "walk.update": "@{set}가 {key}를 {seconds}초 동안 기억함",
  "ipvs.service": "가상 서비스를 찾음: {line}",
  "ipvs.noService": "{key}에 대한 가상 서비스 없음: IPVS가 다루는 트래픽이 아님",
  "ipvs.existing": "연결 항목 {connection}: 같은 실제 서버로 다시",
  "ipvs.reply": "{connection}의 응답: 출발지가 다시 가상 주소가 됨",
  "ipvs.templateReused": "이 클라이언트의 지속성(persistence) 템플릿: {dest}",
  "ipvs.templateNew": "이 클라이언트의 새 지속성(persistence) 템플릿: {dest}",
  "ipvs.noDest": "쓸 수 있는 실제 서버 없음: ICMP port unreachable",
  "ipvs.masq": "Masq로 {dest}에 보냄",
  "ipvs.rrFirst": "rr: 아직 고른 적 없음, 목록에서 가중치 > 0인 첫 서버: {dest}",
  "ipvs.rrNext": "rr: 마지막 선택은 {previous}, 그다음 가중치 > 0인 서버: {dest}",
  "ipvs.order": "커널 목록 순서의 서버: {dests}",
  "ipvs.wrr": "wrr: 현재 가중치 {cw} (최대 {mw}, 간격 {gcd}), 그다음 가중치 ≥ {cw}인 서버: {dest}",
  "ipvs.lc": "lc: 연결이 가장 적은 서버 (활성 × 256 + 비활성): {dest}",
  "ipvs.wlc": "wlc: (활성 × 256 + 비활성) / 가중치가 가장 작은 서버: {dest}",
  "ipvs.lcTie":
    "lc: 서버 {count}개가 가장 적은 연결 수 {cost}로 같음. 커널은 목록에서 첫 서버를 유지함(엄격한 <): {dest}",
  "ipvs.lcTieAll": "lc: 서버 {count}개 모두 {cost}. 목록의 첫 서버가 선택됨: {dest}",
  "ipvs.wlcTie":
    "wlc: 서버 {count}개가 가장 작은 (active × 256 + inactive) / weight 값 {cost}로 같음. 커널은 목록에서 첫 서버를 유지함(엄격한 >): {dest}",
  "ipvs.wlcTieAll": "wlc: 서버 {count}개 모두 {cost}. 목록의 첫 서버가 선택됨: {dest}",
  "ipvs.sed": "sed: 예상 지연 (활성 + 1) / 가중치가 가장 짧은 서버, {delay}: {dest}",
  "ipvs.sedTie":
    "sed: 서버 {count}개가 가장 짧은 예상 지연 {delay}로 같음. 커널은 목록에서 첫 서버를 유지함(엄격한 >): {dest}",
  "ipvs.sedTieAll": "sed: 서버 {count}개 모두 {delay}. 목록의 첫 서버가 선택됨: {dest}",
  "ipvs.nqIdle": "nq: {dest}에 활성 연결이 없어 바로 선택",
  "ipvs.nqIdleFirst": "nq: 활성 연결이 없는 서버 {count}개. 커널은 목록에서 처음 만난 서버를 선택함: {dest}",
  "ipvs.nq": "nq: 쉬는 서버 없음, 예상 지연 (활성 + 1) / 가중치가 가장 짧은 서버, {delay}: {dest}",
  "ipvs.nqTie":
    "nq: 쉬는 서버 없음. 서버 {count}개가 가장 짧은 예상 지연 {delay}로 같음. 커널은 목록에서 첫 서버를 유지함(엄격한 >): {dest}",
  "ipvs.nqTieAll": "nq: 쉬는 서버 없음. 서버 {count}개 모두 {delay}. 목록의 첫 서버가 선택됨: {dest}",
  "ipvs.delayRow": "{dest}: 활성 {active}, 가중치 {weight} → ({active} + 1) / {weight} = {delay}",
  "ipvs.quiescedRow": "{dest}: 활성 {active}, 가중치 0: 정지됨, 새 연결을 받지 않음",
  "ipvs.row": "{dest}: 활성 {active}, 비활성 {inactive}, 가중치 {weight} → {cost}",
  "ipvs.sh": "sh: 출발지 {input}의 해시: 버킷 {size}개 중 {bucket}번, 주인은 {owner}",
  "ipvs.dh": "dh: 목적지 {input}의 해시: 버킷 {size}개 중 {bucket}번, 주인은 {owner}",
  "ipvs.mh": "mh: {input}의 해시: Maglev 표 {size}칸 중 {bucket}번, 주인은 {owner}",
  "ipvs.fallback": "{owner}의 가중치가 0: 대체(fallback)로 {dest} 선택",
  "ipvs.localityUsed": "{scheduler}: {daddr}는 {cached}에 캐시됨: 그대로 사용",
  "ipvs.localityOverloaded": "{scheduler}: {daddr}는 {cached}에 캐시됐지만 과부하: wlc가 {dest} 선택",
  "ipvs.localityUnavailable":
    "{scheduler}: {daddr}는 {cached}에 캐시됐지만 더는 쓸 수 없음: wlc가 {dest} 선택",
  "ipvs.localityNone": "{scheduler}: {daddr}에 캐시된 서버 없음: wlc가 {dest} 선택",
  "endpoints.noSelector":
    "{service}에는 셀렉터가 없음: 엔드포인트는 누군가 작성하는 EndpointSlice이며, 그 {count}개 슬라이스에 준비된 엔드포인트가 없음",
  "endpoints.noMatch":
    "{service}에 엔드포인트가 없음: 네임스페이스 {namespace}에 레이블 {selector}를 가진 파드가 없음",
  "endpoints.noMatchNear":
    "{service}에 엔드포인트가 없음: 네임스페이스 {namespace}에 레이블 {selector}를 가진 파드가 없음. 가장 가까운 파드 {count}개의 레이블은 {labels}",
  "endpoints.notRunning":
    "{service}에 엔드포인트가 없음: 셀렉터가 고른 파드 {count}개가 IP를 갖고 실행 중이 아님 ({pods})",
  "endpoints.notReady":
    "{service}에 엔드포인트가 없음: 셀렉터가 고른 파드 {count}개가 준비되지 않음 ({pods})",
  "endpoints.portNotFound":
    "{service}에 엔드포인트가 없음: 셀렉터가 고른 파드 {count}개 중 이름이 {targetPort}인 포트를 선언한 파드가 없음 (선언된 포트: {declared})",
  "endpoints.portNotFoundNone":
    "{service}에 엔드포인트가 없음: 셀렉터가 고른 파드 {count}개 중 이름이 {targetPort}인 포트를 선언한 파드가 없음 (선언된 포트 없음)",
  "endpoints.slicesBehind":
    "{service}의 EndpointSlice에 아직 엔드포인트가 없음: 조건을 갖춘 파드 {count}개가 있음 ({pods})",
  "ct.new": "conntrack: 새 항목",
  "ct.original": "conntrack: 항목을 찾음",
  "ct.reply": "conntrack: 항목을 찾음 (응답 방향)",
};

/** The plain stages' names in Korean (a hook's stage is netfilter's notation and stays). */
export const STAGES_KO: Record<PlainStage, string> = {
  send: "보냄",
  route: "라우팅",
  wire: "전송",
  deliver: "전달",
  socket: "소켓",
  conntrack: "conntrack",
  drop: "버림",
  reject: "거부",
  "load balancer": "로드밸런서",
  "dns query": "DNS 질의",
  "dns answer": "DNS 응답",
};
