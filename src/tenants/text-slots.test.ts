import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextSlots } from './text-slots.js';

describe('text slots', () => {
  it('reads back exactly what was last written to each slot, whatever the text (a randomized check against a list)', () => {
    // Small slots, so texts of every length land on both sides of a slot's room, split at
    // multi-byte characters included.
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
    const write = fc.record({ slot: fc.nat({ max: 4 }), texts: fc.tuple(text, text, text) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.oneof(write, fc.constant('clear' as const)), { maxLength: 30 }), (slotBytes, steps) => {
        const slots = new TextSlots(5, 3, slotBytes);
        let model: string[][] = Array.from({ length: 5 }, () => ['', '', '']);
        for (const step of steps) {
          if (step === 'clear') {
            slots.clear();
            model = model.map(() => ['', '', '']);
          } else {
            slots.write(step.slot, step.texts);
            model[step.slot] = [...step.texts];
          }
          for (let i = 0; i < 5; i++) expect(slots.read(i)).toEqual(model[i]);
        }
      }),
    );
  });

  it('reads empty texts from a slot never written, and takes missing fields as empty', () => {
    const slots = new TextSlots(2, 3);
    expect(slots.read(1)).toEqual(['', '', '']);
    slots.write(0, ['/agents/tasks']);
    expect(slots.read(0)).toEqual(['/agents/tasks', '', '']);
  });

  it('keeps a write too long for its slot whole, and forgets it once the slot is written again', () => {
    const slots = new TextSlots(2, 3, 16);
    const long = `/agents/repos/${'é'.repeat(20)}/tasks`;
    slots.write(1, ['/a', '?page=2', long]);
    expect(slots.read(1)).toEqual(['/a', '?page=2', long]);
    slots.write(1, ['/b', '', 'ID']);
    expect(slots.read(1)).toEqual(['/b', '', 'ID']);
    expect(slots.read(0)).toEqual(['', '', '']);
  });

  it('keeps a text with a lone surrogate, which UTF-8 would turn into U+FFFD, as it is', () => {
    const slots = new TextSlots(1, 2);
    slots.write(0, ['/a\uD800b', '?q=\uDC00']);
    expect(slots.read(0)).toEqual(['/a\uD800b', '?q=\uDC00']);
  });

  it('hands out copies: changing what read returned changes nothing kept', () => {
    const slots = new TextSlots(1, 2, 4);
    slots.write(0, ['too long for four bytes', 'x']);
    slots.read(0)[0] = 'changed';
    expect(slots.read(0)).toEqual(['too long for four bytes', 'x']);
  });
});
