// A child process of the live-judging bench: `count` socket.io clients in one board room, each noting
// when every snapshot arrived. Reports [sequence, arrival ms] pairs to its parent on 'report'.
import { io } from 'socket.io-client';

const [url, room, countText] = process.argv.slice(2);
const count = Number(countText);
const arrivals = [];
const sockets = [];
let joined = 0;

for (let index = 0; index < count; index++) {
	const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
	socket.on('connect', () =>
		socket.emit('room:join', { room }, (result) => {
			if (result?.ok) joined++;
			if (joined === count) process.send?.({ type: 'ready' });
		})
	);
	// A loaded machine (other work on the same cores) may drop a handshake: try again a few times before giving up.
	let failures = 0;
	socket.on('connect_error', (error) => {
		if (++failures > 5) process.send?.({ type: 'error', message: String(error?.message ?? error) });
		else setTimeout(() => socket.connect(), 500 * failures);
	});
	socket.on('board:snapshot', (snapshot) => arrivals.push(snapshot.sequence, Date.now()));
	sockets.push(socket);
	// Spread the handshakes a little so the server is not hit by all of them in one tick.
	if (index % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 20));
}

process.on('message', (message) => {
	if (message?.type === 'reset') arrivals.length = 0;
	if (message?.type === 'report') {
		process.send?.({ type: 'arrivals', arrivals });
		arrivals.length = 0;
	}
	if (message?.type === 'stop') {
		for (const socket of sockets) socket.close();
		process.exit(0);
	}
});
