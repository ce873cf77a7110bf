package org.mbmskeys.engine.dsl;

/** The script's delegate: catches unknown words at the top level ({@code procedure} itself is on the script). */
final class TopLevelBlock extends DslBlock {

    TopLevelBlock(BuildContext context) {
        super(context);
    }

    @Override
    BlockKind kind() {
        return BlockKind.TOP;
    }
}
