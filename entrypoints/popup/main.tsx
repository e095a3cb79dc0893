import { render } from 'preact';

render(<main>ClaimLens</main>, document.getElementById('app')!);
